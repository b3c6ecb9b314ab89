export function DashboardView() {
  return <section className="view">dashboard</section>;
}
