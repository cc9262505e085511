module.exports.cube = function cube(x) {
  const sq = x * x;
  return sq * x;
};
