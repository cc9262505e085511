// tty: isatty on any value, the stream classes refusing a descriptor that is not a terminal (a SystemError), path/posix
const tty = require('tty');
const fs = require('fs');
console.log(typeof tty.isatty, typeof tty.ReadStream, typeof tty.WriteStream);
for (const fd of [0, 1, 2, -1, 1.5, '1', null, 2 ** 31, 99]) console.log(fd, tty.isatty(fd));
const fd = 0;  // the runner's stdin: a pipe
for (const C of [tty.WriteStream, tty.ReadStream]) {
  try { new C(fd); } catch (e) { console.log(e.name, e.code, e.message, e.info, e.errno, e.syscall); }
  try { new C('x'); } catch (e) { console.log(e.name, e.code, e.message); }
  try { new C(-1); } catch (e) { console.log(e.name, e.code, e.message); }
}
console.log(process.stdout instanceof tty.WriteStream, process.stdin instanceof tty.ReadStream);
console.log(require('node:tty') === tty, Object.keys(tty).sort());
console.log(require('path/posix') === require('path').posix, require('node:path/posix').join('a', '..', 'b'));
// A descriptor that is a file (here /dev/null) is refused; a pipe is accepted.
const { spawnSync } = require('child_process');
const code = "const tty = require('tty'); for (const C of [tty.WriteStream, tty.ReadStream]) { try { new C(0); console.log('made'); } catch (e) { console.log(e.name, e.code, e.message, e.info, e.errno, e.syscall, String(e)); } }";
const r = spawnSync(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
console.log(r.status, r.stdout, r.stderr);
const w = new tty.WriteStream(0);
console.log(w instanceof tty.WriteStream, w.isTTY, typeof w.write);
