import { afterEach, describe, expect, it } from 'vitest';
import { engines, testServer } from './support/server-harness';

type Server = Awaited<ReturnType<typeof testServer>>;
const CODE = '000.00.15.H26-241122-0001';

describe.each(engines())('repeated dossier codes are judged within a ward and reviewed by the district, %s', (engine) => {
  let server: Server;
  afterEach(async () => server?.close());

  const tt01 = async (wardId: string) => {
    const admin = await server.login();
    return (
      await server.app.inject({
        method: 'GET',
        url: `/api/v1/reports/tt01?quarter=2026-Q4&wardId=${wardId}`,
        headers: { cookie: admin.cookie },
      })
    ).json();
  };

  it('a code claimed in advance by another ward’s kiosk never makes the genuine rating a repeat', async () => {
    server = await testServer(engine);
    const elsewhere = await server.enrolKiosk('cua-nam', 'quay-1');
    const genuine = await server.enrolKiosk('hang-bac', 'quay-1');
    // Someone with a kiosk token of another ward sends the code before the citizen comes.
    await server.sendBatch(elsewhere, [server.rating(elsewhere, { dossierCode: CODE, overall: 1 })]);
    await server.sendBatch(genuine, [server.rating(genuine, { dossierCode: CODE, criteria: { 'chi-so-1': 3 } })]);
    const report = await tt01('hang-bac');
    expect(report.repeatedDossiers).toBe(0);
    expect(report.units[0].indicators).toEqual([{ criterionId: 'chi-so-1', dossiers: 1, score: 2 }]);
  });

  it('within a ward, both ratings of a repeated dossier wait for review; the district decides which counts', async () => {
    server = await testServer(engine);
    const first = await server.enrolKiosk('hang-bac', 'quay-1');
    const second = await server.enrolKiosk('hang-bac', 'quay-2');
    const claimed = server.rating(first, { dossierCode: CODE, criteria: { 'chi-so-1': 1 } });
    await server.sendBatch(first, [claimed]);
    expect((await tt01('hang-bac')).units[0].indicators).toEqual([{ criterionId: 'chi-so-1', dossiers: 1, score: 0 }]);
    const genuine = server.rating(second, { dossierCode: CODE, criteria: { 'chi-so-1': 3 } });
    await server.sendBatch(second, [genuine]);
    // Neither counts while the district has not decided: the first one is taken out of the scores too.
    let report = await tt01('hang-bac');
    expect(report.units).toEqual([]);
    expect(report.repeatedDossiers).toBe(2);

    const admin = await server.login();
    const list = (
      await server.app.inject({ method: 'GET', url: '/api/v1/admin/dossier-reviews', headers: { cookie: admin.cookie } })
    ).json();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ wardId: 'hang-bac', wardName: 'UBND Phường Hàng Bạc', dossierCode: CODE, decision: null });
    expect(list[0].ratings.map((r: { id: string; counterLabel: string }) => [r.id, r.counterLabel])).toEqual([
      [claimed.id, 'Quầy số 1'],
      [genuine.id, 'Quầy số 2'],
    ]);
    const decided = await server.app.inject({
      method: 'POST',
      url: '/api/v1/admin/dossier-reviews/decision',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
      payload: { wardId: 'hang-bac', dossierCode: CODE, countedRatingId: genuine.id },
    });
    expect(decided.statusCode).toBe(200);
    report = await tt01('hang-bac');
    expect(report.units[0].indicators).toEqual([{ criterionId: 'chi-so-1', dossiers: 1, score: 2 }]);
    expect(report.repeatedDossiers).toBe(1);
    const after = (
      await server.app.inject({ method: 'GET', url: '/api/v1/admin/dossier-reviews', headers: { cookie: admin.cookie } })
    ).json();
    expect(after[0].decision).toMatchObject({ countedRatingId: genuine.id, decidedBy: 'admin' });
    // A third rating of the same dossier later is a repeat: the decision stands.
    await server.sendBatch(first, [server.rating(first, { dossierCode: CODE, criteria: { 'chi-so-1': 1 } })]);
    expect((await tt01('hang-bac')).units[0].indicators).toEqual([{ criterionId: 'chi-so-1', dossiers: 1, score: 2 }]);
    expect(await server.counts()).toEqual({ ratings: 3, aggregated: 3 });
  });
});
