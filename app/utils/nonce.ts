// The Content-Security-Policy nonce of this response. entry.server.tsx provides it; the document's
// inline scripts (Remix's <Scripts>, <ScrollRestoration>) carry it. In the browser it is empty, as
// the browser hides nonces from the page.
import { createContext, useContext } from "react";

export const NonceContext = createContext<string | undefined>(undefined);

export const useNonce = () => useContext(NonceContext);
