"use client";
// The stream server the browser talks to: the environment's default until the user sets another,
// remembered in localStorage so every page (Live, Try it, Models) uses the same one. A link may
// name it (`/live?server=http://host:8080`), which is also what the form submits natively when it
// is used before the page's scripts have run: the address typed then is not lost.
import {
  createContext,
  type FormEvent,
  type ReactNode,
  useContext,
  useEffect,
  useId,
  useState,
} from "react";
import { parseServerAddress } from "../live/server-address.js";

const STORAGE_KEY = "emotion-stream.server-address";
const QUERY_PARAMETER = "server";

interface ServerAddressState {
  readonly address: string;
  readonly setAddress: (address: string) => void;
}

const ServerAddressContext = createContext<ServerAddressState | undefined>(undefined);

export function ServerAddressProvider({
  defaultAddress,
  children,
}: {
  defaultAddress: string;
  children: ReactNode;
}) {
  const [address, setAddressState] = useState(defaultAddress);
  useEffect(() => {
    const linked = parseServerAddress(
      new URLSearchParams(window.location.search).get(QUERY_PARAMETER) ?? "",
    );
    if (linked !== undefined) {
      window.localStorage.setItem(STORAGE_KEY, linked.http);
      setAddressState(linked.http);
      return;
    }
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (stored !== null && parseServerAddress(stored) !== undefined) setAddressState(stored);
  }, []);
  const setAddress = (next: string) => {
    window.localStorage.setItem(STORAGE_KEY, next);
    setAddressState(next);
  };
  return (
    <ServerAddressContext.Provider value={{ address, setAddress }}>
      {children}
    </ServerAddressContext.Provider>
  );
}

export function useServerAddress(): ServerAddressState {
  const state = useContext(ServerAddressContext);
  if (state === undefined) throw new Error("useServerAddress outside ServerAddressProvider");
  return state;
}

/**
 * A small form to change the server address; shows why an address is refused. The input is
 * uncontrolled and read at submit: text typed before hydration is what the user sees, so it is what
 * counts.
 */
export function ServerAddressForm() {
  const { address, setAddress } = useServerAddress();
  const [problem, setProblem] = useState<string | undefined>();
  const inputId = useId();
  const problemId = useId();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const typed = new FormData(event.currentTarget).get(QUERY_PARAMETER);
    const parsed = parseServerAddress(typeof typed === "string" ? typed : "");
    if (parsed === undefined) {
      setProblem("Enter an http:// or https:// address, e.g. http://localhost:8080");
      return;
    }
    setProblem(undefined);
    setAddress(parsed.http);
  };
  return (
    <form className="form-row" method="get" onSubmit={submit} aria-label="Change the server">
      <label htmlFor={inputId}>
        Stream server
        <input
          id={inputId}
          key={address}
          name={QUERY_PARAMETER}
          type="url"
          defaultValue={address}
          aria-invalid={problem !== undefined}
          aria-describedby={problem === undefined ? undefined : problemId}
          size={28}
        />
      </label>
      <button type="submit">Use this server</button>
      {problem === undefined ? null : (
        <p id={problemId} role="alert" className="notice notice-error">
          {problem}
        </p>
      )}
    </form>
  );
}
