import { ClockBanner } from './ClockBanner';
import { Console } from './console/Console';
import { StorageWarning } from './StorageWarning';

export function Options() {
  return (
    <main class="options">
      <header>
        <h1>Uptake</h1>
        <p class="muted">Everything Uptake records stays in this browser.</p>
      </header>
      <ClockBanner />
      <StorageWarning />
      <Console />
    </main>
  );
}
