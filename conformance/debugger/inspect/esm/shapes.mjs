export const unit = 'cm';
export function area(radius) {
  const squared = radius * radius;
  return Math.round(Math.PI * squared);
}
