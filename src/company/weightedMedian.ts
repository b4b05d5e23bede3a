/**
 * The median of values each standing for `weight` people (a job's pay and its headcount): the
 * middle person's value, or the mean of the two middle people's when the count is even. Null with
 * no one.
 */
export function weightedMedian(items: readonly { value: number; weight: number }[]): number | null {
  const sorted = items.filter((i) => i.weight > 0).sort((a, b) => a.value - b.value);
  const total = sorted.reduce((s, i) => s + i.weight, 0);
  if (total === 0) return null;
  // The people at positions ⌊(total-1)/2⌋ and ⌊total/2⌋ (0-based): the same one when the count is odd.
  const at = (position: number) => {
    let seen = 0;
    for (const i of sorted) {
      seen += i.weight;
      if (position < seen) return i.value;
    }
    return sorted.at(-1)?.value ?? 0;
  };
  return (at(Math.floor((total - 1) / 2)) + at(Math.floor(total / 2))) / 2;
}
