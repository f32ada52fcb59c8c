// Minutebook passkeys: the browser's part of serve/office/passkeys.ts. A form marked data-passkey carries
// the server's WebAuthn options (JSON, base64url) in data-options; on submit this asks navigator.credentials,
// puts the signed answer (JSON, base64url) in the form's `response` field and submits it; a refusal or a
// cancelled prompt goes in `error` so the server answers with a GOV.UK error message. Hand-written (not
// @simplewebauthn/browser) because base64url conversion is all it needs. Without JavaScript or WebAuthn
// the forms stay hidden and the page's message about JavaScript stays shown.

const toBytes = (s) => {
  const b64 = s.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((s.length + 3) % 4);
  return Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
};
const toText = (buf) => {
  const bytes = new Uint8Array(buf);
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
};
const ids = (list) => (list ?? []).map((c) => ({ ...c, id: toBytes(c.id) }));

async function register(options) {
  const cred = await navigator.credentials.create({
    publicKey: {
      ...options,
      challenge: toBytes(options.challenge),
      user: { ...options.user, id: toBytes(options.user.id) },
      excludeCredentials: ids(options.excludeCredentials),
    },
  });
  const r = cred.response;
  return {
    id: cred.id,
    rawId: toText(cred.rawId),
    type: cred.type,
    authenticatorAttachment: cred.authenticatorAttachment ?? undefined,
    clientExtensionResults: cred.getClientExtensionResults(),
    response: {
      clientDataJSON: toText(r.clientDataJSON),
      attestationObject: toText(r.attestationObject),
      transports: typeof r.getTransports === "function" ? r.getTransports() : [],
    },
  };
}

async function signIn(options) {
  const cred = await navigator.credentials.get({
    publicKey: { ...options, challenge: toBytes(options.challenge), allowCredentials: ids(options.allowCredentials) },
  });
  const r = cred.response;
  return {
    id: cred.id,
    rawId: toText(cred.rawId),
    type: cred.type,
    authenticatorAttachment: cred.authenticatorAttachment ?? undefined,
    clientExtensionResults: cred.getClientExtensionResults(),
    response: {
      clientDataJSON: toText(r.clientDataJSON),
      authenticatorData: toText(r.authenticatorData),
      signature: toText(r.signature),
      userHandle: r.userHandle ? toText(r.userHandle) : undefined,
    },
  };
}

if (window.PublicKeyCredential && navigator.credentials) {
  for (const el of document.querySelectorAll("[data-passkey-nojs]")) el.hidden = true;
  for (const el of document.querySelectorAll("[data-passkey-area]")) el.hidden = false;
  for (const form of document.querySelectorAll("form[data-passkey]")) {
    let busy = false;
    form.addEventListener("submit", async (event) => {
      if (form.elements.namedItem("response").value || busy) return;
      // A passkey is made only for a named one: without a name the server asks for it first.
      if (form.dataset.passkey === "register" && !form.elements.namedItem("name").value.trim()) return;
      event.preventDefault();
      busy = true;
      try {
        const options = JSON.parse(form.dataset.options);
        const answer = form.dataset.passkey === "register" ? await register(options) : await signIn(options);
        form.elements.namedItem("response").value = JSON.stringify(answer);
      } catch (e) {
        form.elements.namedItem("error").value = e && e.name === "NotSupportedError" ? "unsupported" : "cancelled";
      }
      form.submit();
    });
  }
}
