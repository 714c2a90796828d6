// Fetch JSON from this server only (relative URLs); errors arrive as {ok: false, error, status}.

export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

export function apiUrl(path, params = {}) {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") url.searchParams.set(key, String(value));
  }
  return url;
}

export async function getJSON(path, params = {}) {
  const response = await fetch(apiUrl(path, params), { headers: { Accept: "application/json" } });
  let body;
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`HTTP ${response.status} from ${path}`, response.status);
  }
  if (!response.ok || body.ok === false) {
    throw new ApiError(body.error || `HTTP ${response.status}`, response.status);
  }
  return body;
}

export const seg = (value) => encodeURIComponent(String(value));
