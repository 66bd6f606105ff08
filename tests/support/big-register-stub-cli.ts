// Runs the BIG-register stand-in (big-register-stub.ts) as its own process for the browser
// journeys: `node tests/support/big-register-stub-cli.ts <port>`; GET /health answers once it is up.
import { startBigRegisterStub } from './big-register-stub.ts';

const stub = await startBigRegisterStub({ port: Number(process.argv[2]) });
const stop = () => void stub.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
