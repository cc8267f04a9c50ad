/**
 * The status line's note icon (issue 19 §8): a sheet of paper with a folded corner and lines of text, a shape no
 * warning level uses (red an octagon, orange a triangle, yellow a circle: SeverityIcon). Drawn in the text colour.
 */
export function NoteIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true" focusable="false" data-shape="note">
      <path
        d="M5 2.5h7l3.5 3.5v11.5H5z M12 2.5V6h3.5 M7.5 9.5h5.5 M7.5 12h5.5 M7.5 14.5h3.5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.2"
        strokeLinejoin="round"
      />
    </svg>
  );
}
