// Date with UTC-only methods, so the output does not depend on the machine's time zone.
const d = new Date(Date.UTC(2024, 1, 29, 13, 45, 30, 123));
console.log(d.toISOString());
console.log(`${d.getUTCFullYear()} ${d.getUTCMonth()} ${d.getUTCDate()} ${d.getUTCDay()} ${d.getUTCHours()} ${d.getUTCMinutes()} ${d.getUTCSeconds()} ${d.getUTCMilliseconds()}`);
console.log(`getTime: ${d.getTime()} valueOf: ${d.valueOf() === d.getTime()} JSON: ${JSON.stringify({ d })}`);
console.log(`epoch: ${new Date(0).toISOString()} negative: ${new Date(-1).toISOString()}`);
console.log(`parse ISO: ${Date.parse('2000-01-01T00:00:00Z')} ${Date.parse('2000-01-01T00:00:00.5+01:00')} ${Date.parse('2000-01-01')}`);
console.log(`invalid: ${new Date(NaN).getTime()} ${String(new Date('garbage'))} ${isNaN(Date.parse('not a date'))}`);
try { new Date(NaN).toISOString(); } catch (e) { console.log(`toISOString of invalid: ${e.name}`); }
const m = new Date(Date.UTC(2024, 0, 31));
m.setUTCMonth(1);
console.log(`month overflow: ${m.toISOString()}`);
const u = new Date(0);
u.setUTCFullYear(2001, 11, 31);
u.setUTCHours(23, 59, 59, 999);
console.log(`setters: ${u.toISOString()} ${u.getTime()}`);
console.log(`UTC with extra fields: ${Date.UTC(1970, 0, 1, 0, 0, 0, 1)} ${Date.UTC(99, 0)} ${Date.UTC(2020)}`);
console.log(`range: ${new Date(8.64e15).toISOString()} ${new Date(8.64e15 + 1).getTime()}`);
console.log(`Date.now is a number: ${typeof Date.now()} ${Date.now() > 1.5e12}`);
console.log(`Date() is a string: ${typeof Date()}`);
console.log(`year 0 and extended years: ${new Date(Date.UTC(0, 0, 1)).toISOString()} ${new Date(Date.UTC(-1, 0, 1)).toISOString()} ${new Date(Date.UTC(10000, 0, 1)).toISOString()}`);
const sorted = [new Date(3), new Date(1), new Date(2)].sort((x, y) => x - y).map((x) => x.getTime());
console.log(`dates compare by value: ${sorted.join(',')}`);
