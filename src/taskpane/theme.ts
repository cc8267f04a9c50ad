/** Whether Office shows a dark theme: Office.context.officeTheme.isDarkTheme, else the body colour's lightness. */
export function officeIsDark(
  theme: { isDarkTheme?: boolean; bodyBackgroundColor?: string } | undefined | null,
): boolean {
  if (!theme) return false;
  if (typeof theme.isDarkTheme === "boolean") return theme.isDarkTheme;
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(theme.bodyBackgroundColor ?? "");
  if (!m) return false;
  // Relative luminance (ITU-R BT.709 weights) of the body background; below one half is a dark theme.
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}
