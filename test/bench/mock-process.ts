/**
 * The providers' mocks in a process of their own, started by test/bench/proxy-providers.js: as a
 * real provider is on another machine, their parsing of what the proxy sends is not done by the
 * process that also sends the uploads. MOCK_PACE (JSON, or absent for full speed) is how fast they
 * read. They answer the parent over IPC: their origins once listening; 'stop' closes them.
 */
import { BANDWIDTH, OPENMARKET, PLIVO, startAcrobitsMock, startBandwidthMock, startOpenMarketMock, startPlivoMock } from '../node/helpers/mock-providers.js';

if (!process.send) throw new Error('test/bench/mock-process.ts is started by test/bench/proxy-providers.js');
const options = { pace: process.env.MOCK_PACE ? JSON.parse(process.env.MOCK_PACE) : undefined, keep: false };
const mocks = {
  plivo: await startPlivoMock(PLIVO.authId, PLIVO.authToken, options),
  bandwidth: await startBandwidthMock(BANDWIDTH.accountId, BANDWIDTH.username, BANDWIDTH.password, options),
  openmarket: await startOpenMarketMock(OPENMARKET.username, OPENMARKET.password, OPENMARKET.idsAccountId, options),
  generic: await startAcrobitsMock({ method: 'POST', format: 'json', fields: {} }, options),
};
process.on('message', () => {
  void Promise.all(Object.values(mocks).map((mock) => mock.close())).then(() => process.disconnect());
});
process.send({ origins: Object.fromEntries(Object.entries(mocks).map(([name, mock]) => [name, mock.origin])) });
