import './tab-bar.css';

/**
 * The console's tabs (docs/console.md §Console helpers), known as tabs to screen readers and the
 * keyboard (role tablist/tab, aria-selected): TDesign's Tabs render plain divs. The chosen tab lives in
 * the URL, so the panel is the screen's own; with `panelId` each tab is `tab-<value>` and controls it
 * (the panel is then `aria-labelledby={`tab-${value}`}`).
 */
export function TabBar(p: {
  label: string;
  tabs: readonly { value: string; label: string }[];
  value: string;
  onChange: (v: string) => void;
  panelId?: string;
}) {
  return (
    <div role="tablist" aria-label={p.label} className="wyt-tabbar">
      {p.tabs.map((t) => (
        <button
          key={t.value}
          type="button"
          role="tab"
          id={p.panelId ? `tab-${t.value}` : undefined}
          aria-controls={p.panelId}
          aria-selected={t.value === p.value}
          className="wyt-tabbar__tab"
          onClick={() => p.onChange(t.value)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
