import { useEffect, useState } from 'preact/hooks';
import { PlaybookEditor } from '../PlaybookEditor';
import { Diagnostics } from './Diagnostics';
import { ExportPanel } from './ExportPanel';
import { MyData } from './MyData';
import { NudgeStats } from './NudgeStats';
import { Review } from './Review';
import { Settings } from './Settings';
import { Tabs } from './Tabs';
import { useReview } from './useReview';
import './console.css';

const YOURS = [
  { id: 'my-data', label: 'My data' },
  { id: 'settings', label: 'Settings' },
] as const;
const CSM = [
  { id: 'playbook', label: 'Playbook' },
  { id: 'review', label: 'Review' },
  { id: 'nudges', label: 'Nudges' },
  { id: 'export', label: 'Export' },
  { id: 'diagnostics', label: 'Diagnostics' },
] as const;
const TABS = [...YOURS, ...CSM];
type TabId = (typeof TABS)[number]['id'];
// What an end user needs, then what a customer-success manager needs.
const GROUPS = [
  { label: 'For you', tabs: YOURS },
  { label: 'For customer success', tabs: CSM },
];

const fromHash = (): TabId => TABS.find((t) => `#${t.id}` === location.hash)?.id ?? 'playbook';

/**
 * The options page as a small console. The section shows in the URL (#review), so
 * a CSM can bookmark it; the review's loaded files live here, above the tabs, so
 * switching sections never drops them.
 */
export function Console() {
  const [tab, setTab] = useState<TabId>(fromHash);
  const review = useReview();
  useEffect(() => {
    const follow = () => setTab(fromHash());
    addEventListener('hashchange', follow);
    // The hash may have changed between the first render and this effect (effects run after paint).
    follow();
    return () => removeEventListener('hashchange', follow);
  }, []);
  const select = (id: TabId) => {
    setTab(id);
    history.replaceState(null, '', `#${id}`);
  };
  return (
    <>
      <Tabs groups={GROUPS} selected={tab} onSelect={select} />
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} class="panel">
        {tab === 'playbook' && <PlaybookEditor />}
        {tab === 'my-data' && <MyData />}
        {tab === 'export' && <ExportPanel />}
        {tab === 'review' && <Review state={review} />}
        {tab === 'nudges' && <NudgeStats />}
        {tab === 'diagnostics' && <Diagnostics />}
        {tab === 'settings' && <Settings />}
      </div>
    </>
  );
}
