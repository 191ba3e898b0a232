import { query } from '../api';

/**
 * The URL a list page keeps its filters in, or null when the browser has already moved to another page: a filter's
 * debounced update lands after the click that followed a link, and must not replace the page that link opened.
 */
export function filteredListUrl(listPath: string, currentPath: string, filters: Record<string, string>): string | null {
  return currentPath === listPath ? listPath + query(filters) : null;
}
