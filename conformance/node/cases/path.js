// path (POSIX): join, resolve, normalize, relative, dirname, basename, extname, parse, format, isAbsolute, sep.
const path = require('path');
const show = (label, v) => console.log(`${label}: ${JSON.stringify(v)}`);
show('join', [path.join('/a/b', '../c', './d'), path.join('a', '', 'b/'), path.join(), path.join('..', 'x'), path.join('/', '..')]);
show('normalize', [path.normalize('/a//b/../c/.'), path.normalize('./x/../../y'), path.normalize(''), path.normalize('a/b/')]);
show('resolve', [path.resolve('/foo/bar', './baz'), path.resolve('/foo/bar', '/tmp/file/'), path.resolve('/', 'a', '..', 'b')]);
show('relative', [path.relative('/data/orandea/test/aaa', '/data/orandea/impl/bbb'), path.relative('/a', '/a'), path.relative('/a/b', '/a')]);
show('dirname', [path.dirname('/a/b/c'), path.dirname('/a/b/c/'), path.dirname('a'), path.dirname('/'), path.dirname('')]);
show('basename', [path.basename('/a/b/file.html'), path.basename('/a/b/file.html', '.html'), path.basename('/a/b/'), path.basename('')]);
show('extname', [path.extname('index.html'), path.extname('index.coffee.md'), path.extname('index.'), path.extname('index'), path.extname('.index'), path.extname('.index.md')]);
show('parse', [path.parse('/home/user/dir/file.txt'), path.parse('file'), path.parse('/')]);
show('format', [path.format({ dir: '/home/user/dir', base: 'file.txt' }), path.format({ root: '/', name: 'file', ext: '.txt' }), path.format({ name: 'x', ext: 'js' })]);
show('isAbsolute', [path.isAbsolute('/a'), path.isAbsolute('a'), path.isAbsolute('')]);
show('constants', [path.sep, path.delimiter, path.posix === path.posix.posix]);
try { path.join(null); } catch (e) { console.log(`bad argument: ${e.name} ${e.code}`); }
