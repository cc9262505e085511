// typeof, in, instanceof and delete each have their own instruction.
const o = { a: 1 };
const r = [typeof o, typeof undefinedName, 'a' in o, o instanceof Object, delete o.a, 'a' in o];
console.log(r.join(','));
