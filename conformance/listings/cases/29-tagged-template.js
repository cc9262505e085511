// A tagged template calls the tag with the frozen strings array (one per site, cached) and the values.
function tag(strings, ...values) {
  return strings.raw.join('|') + ' / ' + values.join('|');
}
console.log(tag`a${1}b${2}c\n`);
