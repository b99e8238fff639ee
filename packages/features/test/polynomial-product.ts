// Test helper: the product of polynomials given as coefficient lists (the convolution of the
// lists, so it holds for ascending and descending powers alike).
export function polynomialProduct(...factors: readonly (readonly number[])[]): number[] {
  let product = [1];
  for (const factor of factors) {
    const next = new Array<number>(product.length + factor.length - 1).fill(0);
    product.forEach((p, i) => {
      factor.forEach((q, j) => {
        next[i + j] = (next[i + j] as number) + p * q;
      });
    });
    product = next;
  }
  return product;
}
