export function OptimizationView() {
  return <section className="view">optimization</section>;
}
