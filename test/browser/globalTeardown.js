module.exports = async function globalTeardown() {
  const server = globalThis.__JPE_BROWSER_SERVER__;
  if (server) await server.close();
};
