// process: argv, env, exitCode and the exit event, nextTick arguments, hrtime, memoryUsage, platform, cwd.
const path = require('path');
console.log(`argv ${process.argv.length} ${path.basename(process.argv[1])}`);
console.log(`env ${typeof process.env.PATH} ${process.env.GLASS_SURELY_UNSET === undefined}`);
console.log(`platform ${process.platform} pid ${typeof process.pid} cwd ${path.isAbsolute(process.cwd())}`);
const t = process.hrtime();
console.log(`hrtime ${Array.isArray(t)} ${t.length} ${typeof process.hrtime.bigint()}`);
const d = process.hrtime(t);
console.log(`hrtime diff ${d[0] >= 0 && d[1] >= 0}`);
const m = process.memoryUsage();
console.log(`memoryUsage ${['rss', 'heapTotal', 'heapUsed', 'external'].every((k) => typeof m[k] === 'number')}`);
process.nextTick((a, b) => console.log(`nextTick ${a} ${b}`), 1, 2);
process.on('exit', (code) => console.log(`exit event ${code} ${process.exitCode}`));
process.once('exit', () => console.log('once exit listener'));
process.exitCode = 5;
