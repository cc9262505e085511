// expect: ok
// node-deviates: RegExp modifiers are ES2025; V8 in Node 20 rejects them ("Invalid group").
var r = /(?i:a)b(?-i:c)(?m-s:^.)/;
