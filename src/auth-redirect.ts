// The redirect page (redirect.html) Microsoft Entra ID sends the browser back to. MSAL v5's
// redirect bridge hands the response to the app: after a redirect it caches the response and
// returns to the page the sign-in started from; in a popup or hidden iframe it broadcasts it to
// the app's window. Nothing else runs here, so the authorization code meets no other code.
import { broadcastResponseToMainFrame } from '@azure/msal-browser/redirect-bridge';

broadcastResponseToMainFrame().catch((error: unknown) => {
  const status = document.getElementById('status');
  if (status) {
    status.textContent =
      'This page only completes a sign-in started by CRR Portal, and there is none to complete. Open the app instead.';
  }
  console.warn('[sign-in] redirect bridge:', error);
});
