/**
 * Word banks for synthetic abstracts. Each default topic of papershelf's taxonomy gets the phrases,
 * baselines and benchmarks a real abstract in that field would use, so the classifier and the tag
 * extractor meet realistic signals; the shared banks supply the general machine-learning prose.
 */

/** The words of one research field. */
export interface TopicWords {
  /** Noun phrases naming the field's problems and objects ("offline reinforcement learning"). */
  phrases: readonly string[];
  /** Established methods that papers compare against ("PPO"). */
  baselines: readonly string[];
  /** Benchmarks and datasets ("D4RL"). */
  datasets: readonly string[];
}

const words = (text: string): readonly string[] => text.trim().split(/\s*\|\s*/);

/** One entry per default topic id, in taxonomy order. */
export const topicWords: Readonly<Record<string, TopicWords>> = {
  'reinforcement-learning': {
    phrases: words('reinforcement learning | offline reinforcement learning | model-based reinforcement learning | policy optimization | value function estimation | off-policy evaluation | meta-reinforcement learning | exploration in sparse-reward environments | deep Q-learning | actor-critic methods | reward shaping | hierarchical reinforcement learning | multi-agent reinforcement learning | distributional value estimation | world models | goal-conditioned policies'),
    baselines: words('PPO | SAC | TD3 | DQN | CQL | IQL | DreamerV3 | MuZero | Rainbow | A3C | TRPO | Decision Transformer'),
    datasets: words('D4RL | Atari 100k | MuJoCo | DeepMind Control Suite | Meta-World | ProcGen | MiniGrid | NetHack | Crafter | Minecraft'),
  },
  alignment: {
    phrases: words('reinforcement learning from human feedback | RLHF | direct preference optimization | reward modeling | preference optimization | instruction tuning | constitutional AI | LLM safety | red teaming | jailbreak robustness | reward hacking | harmlessness and helpfulness | preference data | self-rewarding language models | value alignment'),
    baselines: words('DPO | PPO-based RLHF | KTO | IPO | ORPO | SimPO | RLAIF | best-of-n sampling | rejection sampling fine-tuning'),
    datasets: words('Anthropic HH-RLHF | UltraFeedback | AlpacaEval 2.0 | MT-Bench | Arena-Hard | TruthfulQA | HarmBench | AdvBench | SafeRLHF'),
  },
  'imitation-learning': {
    phrases: words('imitation learning | learning from demonstrations | behavior cloning | inverse reinforcement learning | learning from observation | adversarial imitation learning | expert demonstrations | covariate shift in imitation | one-shot imitation | visual imitation from videos | diffusion policies'),
    baselines: words('GAIL | BC | DAgger | AIRL | IQ-Learn | ValueDICE | Diffusion Policy | ACT'),
    datasets: words('RoboMimic | Franka Kitchen | CALVIN | LIBERO | RoboSuite | Adroit | BridgeData V2 | Open X-Embodiment'),
  },
  'continual-learning': {
    phrases: words('continual learning | catastrophic forgetting | lifelong learning | class-incremental learning | online continual learning | task-incremental learning | experience replay | stability-plasticity trade-off | continual pretraining | knowledge retention | rehearsal-free continual learning'),
    baselines: words('EWC | iCaRL | GEM | A-GEM | DER++ | L2P | DualPrompt | CODA-Prompt | LwF'),
    datasets: words('Split CIFAR-100 | Permuted MNIST | CORe50 | ImageNet-R | Split Tiny-ImageNet | CLEAR | Stream-51'),
  },
  'active-learning': {
    phrases: words('active learning | data selection | data curation | curriculum learning | uncertainty sampling | pool-based active learning | coreset selection | label efficiency | data pruning | annotation budget | query strategies'),
    baselines: words('BADGE | CoreSet | BALD | margin sampling | entropy sampling | TypiClust | ProbCover'),
    datasets: words('CIFAR-10 | SVHN | ImageNet | AG News | DataComp | The Pile | RedPajama | FineWeb'),
  },
  'in-context-learning': {
    phrases: words('in-context learning | few-shot prompting | demonstration selection | induction heads | many-shot in-context learning | prompt sensitivity | in-context examples | implicit Bayesian inference | transformers as algorithms | in-context regression'),
    baselines: words('kNN prompting | random demonstrations | chain-of-thought prompting | GPT-3 few-shot | calibrate-before-use'),
    datasets: words('SST-2 | SuperGLUE | BIG-Bench Hard | MMLU | RTE | TREC | AGNews'),
  },
  'federated-learning': {
    phrases: words('federated learning | client heterogeneity | non-IID data | differential privacy | secure aggregation | personalized federated learning | communication efficiency | client drift | cross-silo federated learning | Byzantine robustness | federated optimization'),
    baselines: words('FedAvg | FedProx | SCAFFOLD | FedNova | MOON | FedOpt | Ditto | pFedMe'),
    datasets: words('FEMNIST | Shakespeare | LEAF | CIFAR-10 Dirichlet splits | StackOverflow | FLamby'),
  },
  'bandits-online-learning': {
    phrases: words('multi-armed bandits | contextual bandits | online learning | regret minimization | Thompson sampling | upper confidence bounds | adversarial bandits | linear bandits | best-arm identification | dueling bandits | online convex optimization | exploration-exploitation trade-off'),
    baselines: words('UCB1 | LinUCB | EXP3 | Thompson sampling | epsilon-greedy | OFUL | online gradient descent | Hedge'),
    datasets: words('Yahoo! R6 | Open Bandit Dataset | MovieLens | synthetic linear instances | OpenML classification tasks'),
  },
  'llm-agents': {
    phrases: words('LLM agents | language agents | tool use | web agents | embodied agents | multi-agent collaboration | task planning | function calling | agentic workflows | long-horizon planning | self-reflection | memory-augmented agents | computer-use agents'),
    baselines: words('ReAct | Reflexion | Toolformer | AutoGPT | Voyager | SWE-agent | CodeAct | Tree of Thoughts'),
    datasets: words('WebArena | ALFWorld | SWE-bench | GAIA | ToolBench | AgentBench | OSWorld | HotpotQA | WebShop'),
  },
  'efficient-llms': {
    phrases: words('parameter-efficient fine-tuning | low-rank adaptation | LoRA | knowledge distillation | quantization | speculative decoding | mixture of experts | KV cache compression | pruning of large language models | efficient inference | long-context attention | sparse attention | model merging'),
    baselines: words('LoRA | QLoRA | DoRA | prefix tuning | adapters | GPTQ | AWQ | FlashAttention | Medusa | SparseGPT'),
    datasets: words('GLUE | WikiText-103 | C4 | LongBench | Alpaca | Dolly | GSM8K | HumanEval'),
  },
  'recommender-systems': {
    phrases: words('recommender systems | sequential recommendation | collaborative filtering | click-through rate prediction | generative recommendation | user modeling | cold-start recommendation | graph-based recommendation | conversational recommendation | ranking models'),
    baselines: words('SASRec | BERT4Rec | LightGCN | GRU4Rec | DeepFM | DCN-v2 | NCF | TIGER'),
    datasets: words('MovieLens-1M | Amazon Beauty | Yelp | Criteo | Netflix Prize | Steam | KuaiRand'),
  },
  multimodal: {
    phrases: words('vision-language models | multimodal large language models | visual question answering | image captioning | text-to-image generation | video understanding | audio-visual learning | contrastive image-text pretraining | visual instruction tuning | multimodal reasoning | speech-language models | visual grounding'),
    baselines: words('CLIP | BLIP-2 | LLaVA | Flamingo | Qwen-VL | InstructBLIP | SigLIP | Stable Diffusion'),
    datasets: words('COCO | VQAv2 | ScienceQA | MMMU | TextVQA | LAION-5B | MSR-VTT | Ego4D | AudioCaps'),
  },
  interpretability: {
    phrases: words('mechanistic interpretability | influence functions | probing classifiers | sparse autoencoders | feature attribution | circuit discovery | representation engineering | training data attribution | understanding generalization | superposition | activation patching | concept-based explanations'),
    baselines: words('integrated gradients | SHAP | LIME | TracIn | causal tracing | linear probes | logit lens'),
    datasets: words('IOI | Tracr | OpenWebText | TinyStories | ImageNet-S | CUB-200'),
  },
  'learning-theory': {
    phrases: words('learning theory | sample complexity | generalization bounds | PAC learning | regret bounds | statistical learning | minimax rates | implicit regularization | optimization landscapes | neural tangent kernel | uniform convergence | provable guarantees'),
    baselines: words('VC dimension bounds | Rademacher complexity | PAC-Bayes | stochastic gradient descent | kernel regression | empirical risk minimization'),
    datasets: words('synthetic Gaussian mixtures | teacher-student models | sparse parities | linear regression instances'),
  },
  'transfer-few-shot': {
    phrases: words('few-shot learning | meta-learning | domain adaptation | test-time adaptation | transfer learning | domain generalization | prompt tuning for vision | source-free adaptation | zero-shot transfer | distribution shift | foundation model adaptation'),
    baselines: words('MAML | ProtoNets | Tent | DANN | CoOp | fine-tuning | linear probing | Reptile'),
    datasets: words('miniImageNet | Omniglot | DomainNet | Office-Home | PACS | WILDS | ImageNet-C | Meta-Dataset'),
  },
  reasoning: {
    phrases: words('chain-of-thought reasoning | mathematical reasoning | code generation | program synthesis | process reward models | self-consistency | test-time compute scaling | formal theorem proving | logical reasoning | reasoning traces | self-verification | tree search for reasoning'),
    baselines: words('chain-of-thought | self-consistency | least-to-most prompting | STaR | GRPO | MCTS | PAL | Program of Thoughts'),
    datasets: words('GSM8K | MATH | AIME 2024 | HumanEval | MBPP | LiveCodeBench | miniF2F | ARC-Challenge | StrategyQA'),
  },
};

/** Qualities a method claims ("scalable"). */
export const adjectives = words('scalable | principled | efficient | robust | simple | unified | adaptive | lightweight | theoretically grounded | data-efficient | general-purpose | modular | interpretable | compute-optimal | training-free | self-supervised | hierarchical | probabilistic | contrastive | sparse | dense | stable | decentralized | privacy-preserving | uncertainty-aware | causal | structured | latent | generative | discriminative | end-to-end | plug-and-play | memory-efficient | sample-efficient | curriculum-driven | multi-scale | task-agnostic | model-agnostic | zero-shot | self-improving');

/** The machinery a method is built from ("a gated attention module"). */
export const mechanisms = words('attention mechanism | gating network | contrastive objective | variational bound | diffusion process | energy-based formulation | graph neural network | transformer backbone | state-space model | recurrent memory | retrieval module | reward model | critic network | mixture of experts | low-rank factorization | kernel approximation | optimal transport objective | information bottleneck | Bayesian posterior | ensemble of critics | contrastive decoder | latent planner | token router | hypernetwork | prototype memory | score function | normalizing flow | distillation loss | auxiliary objective | uncertainty estimator | curriculum scheduler | temperature schedule | regularization term | projection head | bilevel objective | preference model | value decomposition | policy prior | verifier | teacher model');

/** Difficulties an abstract says existing work has ("distribution shift"). */
export const problems = words('distribution shift | catastrophic forgetting | reward misspecification | high variance | poor sample efficiency | spurious correlations | mode collapse | exposure bias | overfitting to small datasets | hallucination | miscalibration | quadratic memory cost | slow convergence | label noise | compounding errors | sensitivity to hyperparameters | lack of theoretical guarantees | limited context length | over-optimization | privacy leakage | communication overhead | data scarcity | long-tail imbalance | brittle generalization | error accumulation over long horizons');

/** Where methods are applied ("autonomous driving"). */
export const applications = words('robotic manipulation | autonomous driving | drug discovery | protein design | weather forecasting | medical imaging | clinical decision support | legal document analysis | code review | education | financial forecasting | materials science | chip design | dialogue systems | machine translation | question answering | information retrieval | search engines | e-commerce | healthcare | climate modeling | scientific discovery | software engineering | cybersecurity | speech recognition | video games | recommendation | customer support | mathematics education | astronomy | genomics | energy systems | traffic control | supply chains | social networks | content moderation | remote sensing | agriculture | manufacturing | molecular property prediction');

/** What results are measured in ("accuracy"). */
export const metrics = words('accuracy | win rate | success rate | regret | F1 score | perplexity | sample efficiency | pass@1 | BLEU | exact match | calibration error | throughput | latency | NDCG@10 | recall@20 | normalized return | AUC | wall-clock time | memory footprint | robustness');

/** Verbs of contribution, third person ("improves"). */
export const verbs = words('improves | reduces | stabilizes | accelerates | generalizes | outperforms | unifies | simplifies | decouples | regularizes | amortizes | calibrates | compresses | extends | approximates | bounds | disentangles | aligns | adapts | scales');

/** Organisations for code URLs. */
export const codeHosts = words('github.com | gitlab.com | huggingface.co | bitbucket.org');

/** Syllables of the coined technical terms that give the vocabulary its long tail. */
export const syllables = words('ka | lo | vi | tra | ne | mor | sel | qui | dan | pho | rex | ty | ul | ber | ix | gen | tal | os | zu | fen | cor | ami | del | pra | sun | hel | vor | ein | lum | quo | bri | nax | ster | op | cal | dri | mu | pex | ran | syl');

/** Word endings for those coined terms, so they read like English jargon. */
export const suffixes = words('ic | ation | ity | ous | er | ism | al | ive | ence | oid | on | ine');

/** Short capitalised roots for coined method names ("FlowMix"). */
export const nameRoots = words('Flow | Mix | Prompt | Graph | Tree | Lens | Scope | Forge | Pilot | Bridge | Loop | Mind | Vision | Agent | Bench | Coder | Tune | Align | Gate | Fusion | Sparse | Quant | Dream | Chain | Step | Echo | Atlas | Nova | Orca | Falcon | Lynx | Kite | Spark | Pulse | Shift | Core | Hub | Sage | Meta | Rank');
