import { launchWithExtension, openExtensionPage, waitForCaptureRegistration } from './scripts/lib/browser';
import { largeDomAtRest } from './scripts/lib/bench-large';
const context = await launchWithExtension();
await waitForCaptureRegistration(context);
const extPage = await openExtensionPage(context);
await largeDomAtRest((f) => console.log(JSON.stringify(f)), context, extPage);
await context.close();
