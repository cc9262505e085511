// expect: SyntaxError at 3:9
// node-deviates: Node 20 rejects every modifier group, so it cannot tell this early error apart.
var r = /(?i-i:a)/;
