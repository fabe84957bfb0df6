// Sign-in with Microsoft Entra ID for the dashboard in Azure: MSAL.js, the authorization code flow with PKCE,
// redirecting to the tenant and back to this page. The app says whether and how in /api/dashboard/sign-in.json
// (settings Dashboard__ClientId, __Authority, __Scope); without a client id there is no such sign-in.
import { InteractionRequiredAuthError, PublicClientApplication } from '@azure/msal-browser';

export async function entraSignIn() {
  const response = await fetch('/api/dashboard/sign-in.json');
  if (!response.ok) return null;
  const settings = await response.json();
  if (!settings.clientId) return null;
  const msal = new PublicClientApplication({
    auth: {
      clientId: settings.clientId,
      authority: settings.authority,
      // The tenant's authority is trusted as configured: no instance discovery round trip.
      knownAuthorities: [new URL(settings.authority).host],
      redirectUri: `${location.origin}/api/dashboard`,
    },
    cache: { cacheLocation: 'sessionStorage' },
  });
  await msal.initialize();
  const request = { scopes: [settings.scope] };
  return {
    signIn: () => msal.loginRedirect(request),
    // A token for the API: from the redirect just completed, else silently for the account signed in this session.
    async token() {
      const redirected = await msal.handleRedirectPromise();
      if (redirected?.accessToken) return redirected.accessToken;
      const account = msal.getAllAccounts()[0];
      if (!account) return null;
      try {
        return (await msal.acquireTokenSilent({ ...request, account })).accessToken;
      } catch (error) {
        if (error instanceof InteractionRequiredAuthError) return null;
        throw error;
      }
    },
  };
}
