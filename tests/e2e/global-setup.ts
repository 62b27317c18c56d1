import { startTestServer } from '../support/server';

/** One real server for the browser tests, on a port nobody else holds; stopped when they end. */
export default async function globalSetup() {
  const server = await startTestServer();
  // Workers are started after global setup and inherit its environment.
  process.env.HAILONG_BASE_URL = server.baseUrl;
  return async () => {
    await server.close();
  };
}
