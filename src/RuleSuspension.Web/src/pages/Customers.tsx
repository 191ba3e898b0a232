import { useEffect, useState } from 'react';
import { api, query, type Customer } from '../api';
import { Link, navigate, useLocation } from '../router';
import { filteredListUrl } from './listUrl';
import { Empty, ErrorBox, Loading, StatusBadge, formatDate, useLoad } from '../components/ui';

export function CustomersPage() {
  const { search: params } = useLocation();
  const [search, setSearch] = useState(params.get('search') ?? '');
  const [status, setStatus] = useState(params.get('status') ?? '');
  const [term, setTerm] = useState(search);
  useEffect(() => {
    const t = setTimeout(() => setTerm(search), 250);
    return () => clearTimeout(t);
  }, [search]);
  useEffect(() => {
    const url = filteredListUrl('/customers', window.location.pathname, { search: term, status });
    if (url) navigate(url, true);
  }, [term, status]);
  const customers = useLoad(() => api.get<Customer[]>('/api/customers' + query({ search: term, status, limit: 200 })), [term, status]);

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Customers</h1>
          <p className="muted">Who is suspended, why, and what they may still do.</p>
        </div>
      </header>
      <div className="toolbar" role="search">
        <div className="field field-inline grow">
          <label htmlFor="customer-search">Search</label>
          <input
            id="customer-search"
            type="search"
            placeholder="Id, name or email"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
        <div className="field field-inline">
          <label htmlFor="customer-status">Status</label>
          <select id="customer-status" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">Any</option>
            <option value="active">Active</option>
            <option value="suspended">Suspended</option>
          </select>
        </div>
      </div>
      <ErrorBox error={customers.error} />
      {customers.loading && !customers.data ? (
        <Loading what="Loading customers" />
      ) : customers.data && customers.data.length === 0 ? (
        <Empty>No customer matches. Customers arrive through events or <code>PUT /api/customers/&#123;id&#125;</code>.</Empty>
      ) : customers.data ? (
        <table className="table table-hover">
          <caption className="sr-only">Customers</caption>
          <thead>
            <tr>
              <th scope="col">Customer</th>
              <th scope="col">Email</th>
              <th scope="col">Plan</th>
              <th scope="col">Status</th>
              <th scope="col">Suspended since</th>
            </tr>
          </thead>
          <tbody>
            {customers.data.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/customers/${encodeURIComponent(c.id)}`} className="strong-link">
                    {c.name || c.id}
                  </Link>
                  <div className="muted small">{c.id}</div>
                </td>
                <td>{c.email}</td>
                <td>{c.planId ?? '—'}</td>
                <td>
                  <StatusBadge status={c.status} />
                  {c.exempt ? <span className="badge badge-muted">exempt</span> : null}
                </td>
                <td>{c.suspension ? `${formatDate(c.suspension.suspendedAt)} · ${c.suspension.reasonCode}` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
