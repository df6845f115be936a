import { ClockBanner } from './ClockBanner';
import { Console } from './console/Console';

export function Options() {
  return (
    <main class="options">
      <header>
        <h1>Uptake</h1>
        <p class="muted">Everything Uptake records stays in this browser.</p>
      </header>
      <ClockBanner />
      <Console />
    </main>
  );
}
