const obj = { name: 'glass', list: [1, 2, 3], nested: { a: 1 } };
const text = "it's";
debugger;
console.log(obj.name);
