// os: the module's keys, constants (signals, errno, priority), CPUs, memory, load, interfaces (loopback), the user, priorities and their argument errors.
const os = require('os');
console.log(Object.keys(os).join(' '));
console.log(os.EOL === '\n', os.constants.signals.SIGINT, os.constants.errno.ENOENT, Object.keys(os.constants), os.constants.priority, os.devNull);
console.log(typeof os.cpus()[0].times.user, typeof os.cpus()[0].model, os.cpus().length === os.availableParallelism(), os.endianness(), os.type(), os.platform(), os.arch(), os.machine());
console.log(typeof os.loadavg()[0], os.loadavg().length, os.totalmem() > os.freemem(), os.freemem() > 0, os.uptime() > 0, typeof os.hostname(), typeof os.release(), typeof os.version());
console.log(os.networkInterfaces().lo, os.userInfo().uid === process.getuid(), os.homedir() === process.env.HOME, os.tmpdir());
console.log(os.getPriority(), os.getPriority(0));
try { os.getPriority('x'); } catch (e) { console.log(e.code, e.message); }
try { os.setPriority(0, 100); } catch (e) { console.log(e.code, e.message); }
console.log(`${os.platform}`, Object.isFrozen(os.constants.signals));
