export function prng(seed: number): () => number;
export function shuffle<T>(items: T[], random: () => number): T[];
