/** A/B calculator numbers for the Functions tab (placeholder until src/core/stats lands). */
export interface AbInput {
  controlVisitors: number;
  controlConversions: number;
  variantVisitors: number;
  variantConversions: number;
  confidence: number;
}

export interface AbResult {
  controlRate: number;
  variantRate: number;
  absoluteLift: number;
  relativeLift: number;
  pValue: number;
  significant: boolean;
  sampleSize: number | null;
}

export function computeAbTest(_input: AbInput): AbResult | null {
  return null;
}
