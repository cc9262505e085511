// url: the WHATWG URL (parsing, setters, searchParams kept in step, origin, IDNA), URLSearchParams, Node's file-URL helpers, and the legacy url.parse/format/resolve; querystring.
const url = require('url');
const u = new URL("http://a/^`{}|\"<> x?q=^`{}' #f^`{}");
console.log(u.href);
console.log(new URL("http://user:pa ss@EXAMPLE.com:80/a/../b/./c?x#y"));
console.log(new URLSearchParams("a=1&b=2&a=3"));
console.log(new URL("http://[::1]:8080/").host, new URL("http://0x7f.1/").host, new URL("http://faß.de/").host, new URL("http://xn--fa-hia.de/").host);
for (const s of ["http://user:pass@Host.COM:8080/p/a/t/h?query=string#hash", "/just/path?x=1", "//host/p", "mailto:a@b.c", "HTTP://a.com", "javascript:alert(1)", "a/b", "http://[::1]:3000/x", "http://x.com/a b", "file:///tmp/a"]) console.log(JSON.stringify(url.parse(s)));
console.log(JSON.stringify(url.parse("/p?a=1&a=2&b", true).query), JSON.stringify(url.parse("//h/p", false, true)));
console.log(url.format({protocol:"http", host:"a.com", pathname:"/x", query:{a:1,b:[2,3]}}), url.format(new URL("http://a/b?c#d"), {search:false, fragment:false}));
console.log(url.resolve("http://a/b/c/d", "../e"), url.resolve("/one/two", "three"), url.resolve("http://a/", "//b/c"));
const p = new URL('https://x.org/?a=1&b=2'); p.searchParams.append('c', 'x y'); p.searchParams.delete('a'); console.log(p.href, p.search, [...p.searchParams], p.searchParams.size);
p.search = '?z=9'; console.log(p.searchParams.get('z'), p.origin, p.protocol); p.protocol = 'ftp'; p.port = '21'; p.hostname = 'EXAMPLE.org'; p.pathname = '/a b'; p.hash = 'frag'; console.log(p.href);
console.log(url.fileURLToPath('file:///tmp/a%20b'), url.pathToFileURL('/tmp/a b#c?').href);
try { new URL('nope'); } catch (e) { console.log(e.code, e.message, e.input); }
try { url.fileURLToPath('http://x'); } catch (e) { console.log(e.code, e.message); }
console.log(URL.canParse('http://x'), URL.canParse('x'), String(new URL('x', 'http://y/z/')), JSON.stringify({ u: new URL('http://q') }));
const qs = require('querystring'); console.log(qs.parse('a=1&a=2&b=%20c&d'), qs.stringify({ a: [1, 2], b: 'x y', c: true, d: null }), qs.escape('ä ü/'), qs.unescape('%E4%20'));
console.log(new URLSearchParams({ a: '1', b: 'two' }).toString(), new URLSearchParams([['x', '1'], ['y', '2']]).toString());
const sp = new URLSearchParams('c=3&a=1&b=2&a=0'); sp.sort(); console.log(sp.toString(), sp.has('a', '0'), sp.getAll('a'));
console.log(url.domainToASCII('español.com'), url.domainToUnicode('xn--espaol-zwa.com'), url.domainToASCII('xn--iñvalid.com'));
console.log(new URL('blob:https://a.com/x').origin, new URL('file:///x').origin, new URL('data:text/plain,hi').pathname);
