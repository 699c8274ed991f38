import { useNavigate, useRouteError } from 'react-router';
import { ErrorFallback } from './error-fallback';

export function RouteErrorPage() {
  const error = useRouteError();
  const navigate = useNavigate();
  return <ErrorFallback error={error} onRetry={() => void navigate(0)} />;
}
