// `--listen HOST:PORT`: an IP literal (IPv6 in brackets) and a port; port 0
// lets the system choose (the command prints the address it got).
import { isIPv4, isIPv6 } from 'node:net';

export interface ListenAddress {
  readonly host: string;
  readonly port: number;
}

export const DEFAULT_LISTEN: ListenAddress = { host: '127.0.0.1', port: 9256 };

/** The address, or undefined when the text is not HOST:PORT with an IP literal and a port 0..65535. */
export function parseListen(text: string): ListenAddress | undefined {
  const colon = text.lastIndexOf(':');
  if (colon <= 0 || !/^\d{1,5}$/u.test(text.slice(colon + 1))) return undefined;
  const port = Number(text.slice(colon + 1));
  let host = text.slice(0, colon);
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  else if (host.includes(':')) return undefined; // a bare IPv6 literal cannot carry a port
  if (port > 65_535 || (!isIPv4(host) && !isIPv6(host))) return undefined;
  return { host, port };
}

/** Loopback addresses: 127.0.0.0/8 and ::1 (what is reachable only from this machine). */
export function isLoopback(host: string): boolean {
  return host === '::1' || /^127\./u.test(host);
}

/** As a URL host: IPv6 literals in brackets. */
export function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}
