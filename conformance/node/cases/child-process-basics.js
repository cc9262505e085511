// child_process: spawn with pipes and exit codes, exec/execFile (output, failures, ENOENT), stdin to cat, kill, spawnSync/execSync with input, status, timeouts, and Node's argument errors.
const cp = require('child_process');
const c = cp.spawn('sh', ['-c', 'echo out; echo err 1>&2; exit 3']);
c.stdout.on('data', (d) => console.log('stdout:', JSON.stringify(String(d))));
c.stderr.on('data', (d) => console.log('stderr:', JSON.stringify(String(d))));
c.on('spawn', () => console.log('spawned', typeof c.pid));
c.on('exit', (code, sig) => console.log('exit', code, sig));
c.on('close', (code, sig) => { console.log('close', code, sig);
  cp.exec('echo hi; echo there >&2', (err, so, se) => { console.log('exec', err, JSON.stringify(so), JSON.stringify(se));
    cp.exec('exit 2', (err) => { console.log('exec fail', err.message, err.code, err.killed, err.signal, err.cmd);
      cp.execFile('node-does-not-exist', ['a'], (err) => { console.log('enoent', err.message, err.code, err.errno, err.syscall, err.path, err.spawnargs);
        const cat = cp.spawn('cat'); let got = ''; cat.stdout.setEncoding('utf8'); cat.stdout.on('data', (d) => got += d);
        cat.on('close', (code) => { console.log('cat', JSON.stringify(got), code);
          const s = cp.spawn('sleep', ['5']); s.on('exit', (c, sig) => console.log('killed', c, sig, s.killed)); console.log('kill', s.kill());
        });
        cat.stdin.write('line1\n'); cat.stdin.end('line2\n');
      });
    });
  });
});
console.log(cp.execSync('echo sync; echo err >&2', { encoding: 'utf8', stdio: 'pipe' }));
const r = cp.spawnSync('sh', ['-c', 'cat; exit 4'], { input: 'fed', encoding: 'utf8' });
console.log(r.status, r.signal, JSON.stringify(r.stdout), JSON.stringify(r.stderr), r.output.length);
try { cp.execSync('exit 7', { stdio: 'pipe' }); } catch (e) { console.log('execSync threw', e.message, e.status); }
console.log(cp.spawnSync('nope-nope').error.code);
try { cp.spawn(5); } catch (e) { console.log(e.code, e.message); }
try { cp.spawn('ls', 'x'); } catch (e) { console.log(e.code, e.message); }
try { cp.exec('ls', { timeout: -1 }); } catch (e) { console.log(e.code, e.message); }

