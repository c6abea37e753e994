/** Runs once when the server starts; the Node-only work lives in lib/startup. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { onServerStart } = await import("./lib/startup/on-server-start");
    onServerStart();
  }
}
