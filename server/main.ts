// `npm run server`: the district server alone, as a district deploys it.
import { bootServer } from './boot';

try {
  const { app, origin, generatedAdminPassword } = await bootServer();
  console.log(`Hài Lòng district server on ${origin}`);
  console.log(`Dashboard: ${origin}/admin/`);
  if (generatedAdminPassword) console.log(`Admin account created: admin / ${generatedAdminPassword} (shown once)`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void app.close().then(() => process.exit(0)));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
