// A few stroke icons for the sidebar (inline SVG: no icon font, nothing to download).
const PATHS: Record<string, string> = {
  customers: 'M16 19v-1.5a3.5 3.5 0 0 0-3.5-3.5h-5A3.5 3.5 0 0 0 4 17.5V19M10 10.5a3 3 0 1 0 0-6 3 3 0 0 0 0 6M20 19v-1.5a3.5 3.5 0 0 0-2.5-3.35M15 4.6a3 3 0 0 1 0 5.8',
  inbox: 'M4 13l2.5-7.5h11L20 13M4 13v5.5h16V13M4 13h4.5l1.5 2.5h4l1.5-2.5H20',
  workflows: 'M5 4h6v5H5zM13 15h6v5h-6zM8 9v4.5a1.5 1.5 0 0 0 1.5 1.5H13',
  rulesets: 'M9 6h11M9 12h11M9 18h11M4.5 6h.01M4.5 12h.01M4.5 18h.01',
  thresholds: 'M4 7h10M18 7h2M4 17h4M12 17h8M16 5v4M10 15v4',
  incidents: 'M12 4l9 16H3zM12 10v4M12 17h.01',
};

export function Icon({ name }: { name: keyof typeof PATHS | string }) {
  return (
    <svg className="icon" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d={PATHS[name] ?? ''} />
    </svg>
  );
}
