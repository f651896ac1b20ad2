// The vocabulary. Only these commands are ever written into TeX, and the renderer refuses TeX
// with any other (`mathCommands`), so no listing can reach the rest of what a TeX engine knows.

const greekLetters = [
  'alpha', 'beta', 'gamma', 'delta', 'epsilon', 'varepsilon', 'zeta', 'eta', 'theta', 'vartheta', 'iota', 'kappa', 'lambda', 'mu', 'nu',
  'xi', 'pi', 'varpi', 'rho', 'varrho', 'sigma', 'varsigma', 'tau', 'upsilon', 'phi', 'varphi', 'chi', 'psi', 'omega',
  'Gamma', 'Delta', 'Theta', 'Lambda', 'Xi', 'Pi', 'Sigma', 'Upsilon', 'Phi', 'Psi', 'Omega',
];
export const greek: ReadonlySet<string> = new Set(greekLetters);

// Symbols read without their backslash inside a formula (`Phicirc Psi`, `Q^{star}`). Short ones that
// an English word or a run of variables holds (`le`, `in`, `to`, `sim`) need their backslash.
const residueSymbolNames = [
  'star', 'ast', 'circ', 'cdot', 'times', 'infty', 'partial', 'nabla', 'ldots', 'cdots', 'leq', 'geq', 'neq', 'approx', 'propto',
  'rightarrow', 'leftarrow', 'Rightarrow', 'Leftarrow', 'leftrightarrow', 'Leftrightarrow', 'longrightarrow', 'mapsto',
];
export const symbols: ReadonlySet<string> = new Set([...residueSymbolNames, 'pm', 'mp', 'gg', 'll', 'le', 'ge', 'sim', 'simeq', 'equiv', 'in', 'notin', 'subset', 'subseteq', 'cup', 'cap', 'to', 'ell', 'top', 'prime']);
export const residueSymbols: ReadonlySet<string> = new Set(residueSymbolNames);
// Residue in no English word, which marks a run of commands as math even outside a formula
// (`deltageq`, `Phicirc`), unlike `star`, `times` or `partial`.
export const foreignResidue: ReadonlySet<string> = new Set(['circ', 'cdot', 'infty', 'nabla', 'ldots', 'cdots', 'leq', 'geq', 'neq', 'propto', 'mapsto', 'rightarrow', 'leftarrow', 'Rightarrow', 'Leftarrow', 'leftrightarrow', 'Leftrightarrow', 'longrightarrow']);

// Operator names TeX sets upright (`\log T`). Alone they are no evidence of math: `exp(d)` and
// `O(log T)` read well as written.
export const functions: ReadonlySet<string> = new Set(['log', 'ln', 'exp', 'sin', 'cos', 'tan', 'max', 'min', 'sup', 'inf', 'lim', 'det', 'dim', 'Pr']);

// Commands that take a formula (`\mathcal{O}`) or a word (`\mathrm{ex}`) in braces.
// (No `\frac`, `\sqrt`, `\text` or `\boldsymbol`: what Temml makes of them needs inline styles.)
export const mathFonts: ReadonlySet<string> = new Set(['mathcal', 'mathbb', 'mathbf', 'mathscr', 'mathfrak', 'mathsf']);
export const textFonts: ReadonlySet<string> = new Set(['mathrm', 'operatorname']);

/** Every command `findMathSpans` may write into TeX. */
export const mathCommands: ReadonlySet<string> = new Set([...greek, ...symbols, ...functions, ...mathFonts, ...textFonts]);

// Residue that is math wherever it stands, since no English word looks like it.
export const arrows: ReadonlySet<string> = new Set(['rightarrow', 'leftarrow', 'Rightarrow', 'Leftarrow', 'leftrightarrow', 'Leftrightarrow', 'longrightarrow', 'mapsto']);
export const standaloneResidue: ReadonlySet<string> = new Set([...greekLetters.filter((name) => name.startsWith('var')), ...arrows, 'infty']);
// Residue that is math only between two operands, `m gg n`.
export const relationWords: ReadonlySet<string> = new Set(['gg', 'll', 'leq', 'geq', 'neq']);
// Heads of asymptotic notation: `Theta(T)`, `Omega(T)`; `O(` and `o(` only with math inside.
export const asymptoticHeads: ReadonlySet<string> = new Set(['O', 'o', 'Theta', 'Omega']);

/** Whether `name` is a font command, the only commands that take a braced argument. */
export function isFont(name: string): boolean {
  return mathFonts.has(name) || textFonts.has(name);
}
