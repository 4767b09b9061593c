/**
 * Tabs that screen readers and the keyboard know as tabs (role tablist/tab, aria-selected): TDesign's
 * Tabs render plain divs. The chosen tab lives in the URL, so the panel is the screen's own.
 */
export function TabBar(p: {
  label: string;
  tabs: { value: string; label: string }[];
  value: string;
  onChange: (v: string) => void;
}) {
  return (
    <div role="tablist" aria-label={p.label} className="wyt-tabbar">
      {p.tabs.map((t) => (
        <button
          key={t.value}
          type="button"
          role="tab"
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
