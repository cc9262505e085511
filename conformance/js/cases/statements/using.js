// node-deviates: `using` / `await using` (ES2026) are missing from Node 20; the .expected is written by hand from the spec's DisposeResources and checked against test262's using/await-using tests.
const log = [];
function resource(name, fail) {
  return { [Symbol.dispose]() { log.push("dispose " + name); if (fail) throw new Error(name); } };
}

// Disposal in reverse order at the end of a block; null and undefined are skipped.
{
  using a = resource("a"), nothing = null;
  using b = resource("b");
  log.push("body");
}
console.log(log.splice(0).join(", "));

// return, break and continue dispose before leaving.
function early() {
  using r = resource("fn");
  return "returned";
}
log.push(early());
for (using item of [resource("iter1"), resource("iter2")]) {
  log.push("iteration");
  continue;
}
for (using once = resource("loop"); ;) break;
console.log(log.splice(0).join(", "));

// A throw in the body and a throw from a disposal: SuppressedError(disposal error, body error).
try {
  using x = resource("x", true);
  throw new Error("body");
} catch (e) {
  console.log(`${e.name}: ${e.error.message} suppressed ${e.suppressed.message}`);
}
// Two disposal errors: the later disposal's error suppresses the earlier one.
try {
  using first = resource("first", true);
  using second = resource("second", true);
} catch (e) {
  console.log(`${e.name}: ${e.error.message} suppressed ${e.suppressed.message}; ${log.splice(0).join(", ")}`);
}
// A value without Symbol.dispose is a TypeError when declared.
try {
  using bad = {};
} catch (e) {
  console.log(`${e.name} for a value without Symbol.dispose`);
}

// await using: the async disposal is awaited before the function continues.
async function main() {
  {
    await using conn = { async [Symbol.asyncDispose]() { log.push("async dispose"); } };
    using sync = resource("sync");
    log.push("async body");
  }
  log.push("after block");
  console.log(log.splice(0).join(", "));
}
main();
