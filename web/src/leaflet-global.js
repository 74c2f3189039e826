// leaflet.markercluster's UMD build extends the global L, so Leaflet must be
// on window before it is evaluated: main.js imports this module first.
import L from "leaflet";

window.L = L;
export default L;
