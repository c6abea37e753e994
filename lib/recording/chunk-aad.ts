/** Associated data of a chunk's ciphertext: it only decrypts as the chunk it was stored as. */
export const chunkAad = (sessionId: string, seq: number) => `candor:chunk:${sessionId}:${seq}`;
