using Timmy.Core.Refusals;

namespace Timmy.Core.Lightning.Ledger;

public sealed class LedgerEntryNotFoundException(string idOrHash) : NotFoundException("No such ledger entry", $"There is no ledger entry {idOrHash}.");
