namespace CacheSpec.Analysis.Network;

public enum TrafficDirection { Inbound, Outbound }

public enum RuleAccess { Allow, Deny }

public enum TrafficProtocol { Tcp, Udp, Icmp, Any }
