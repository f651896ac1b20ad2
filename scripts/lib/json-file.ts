import { readFile, rename, writeFile } from 'node:fs/promises';

/** A JSON file's value, or `undefined` when it is missing or unreadable (a cache may be either). */
export async function readJsonFile<T>(path: string): Promise<T | undefined> {
  return readFile(path, 'utf8')
    .then((text) => JSON.parse(text) as T)
    .catch(() => undefined);
}

/** Writes a JSON file through a temporary file and a rename, so readers never see half of it. */
export async function writeJsonFile(path: string, value: unknown): Promise<void> {
  await writeTextFile(path, `${JSON.stringify(value)}\n`);
}

/** Writes a text file through a temporary file and a rename, so readers never see half of it. */
export async function writeTextFile(path: string, text: string): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, text);
  await rename(temp, path);
}
